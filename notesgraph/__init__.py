"""notesgraph: an Obsidian vault of Korean study notes as a concept graph and a static site."""

__version__ = "0.1.1"
