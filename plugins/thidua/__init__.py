"""mkdocs-thidua: a public portal of Vietnamese emulation plans, movements, places and exemplars.

Data flows one way: files -> model (loader, frontmatter) -> diagnostics (validate) -> catalog -> pages.
"""

__version__ = "0.1.0"
