"""Concept extraction: services, features, limits, relations and comparisons from parsed notes."""
