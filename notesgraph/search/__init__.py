"""Korean-aware search index for the static site."""
