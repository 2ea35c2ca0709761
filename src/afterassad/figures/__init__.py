"""Figures: the one style, the one renderer, label placement, base maps, routes and lane timelines."""
