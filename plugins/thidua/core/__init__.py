"""The portal's core: Vietnamese text, dates, places, the model and its schema, entry files, validation,
loading and the catalog. Nothing here imports MkDocs or Jinja, so the core outlives any site generator."""
