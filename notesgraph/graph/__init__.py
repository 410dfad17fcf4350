"""The concept graph: one networkx MultiDiGraph of notes, sections and concepts."""
