"""The static site: generated MkDocs pages (docs/) and the MkDocs build (site/)."""
