"""Shared helpers with no project knowledge: paths, safe text, dates, ranges and geodesy."""
