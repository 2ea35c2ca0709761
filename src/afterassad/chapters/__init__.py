"""The analyses: one module per chapter (collapse, withdrawal, new_syria, libya, equipment), the front and back matter
(landing, evidence explorer, claims audit, corrections) and the helpers they share (bases, milestones)."""
