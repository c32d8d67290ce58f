"""mkdocs-thidua: a public portal of Vietnamese emulation plans, movements, places and exemplars.

Map of the package. Data flows one way, top to bottom; imports flow one way too
(``core`` <- ``features`` <- ``site``; ``core`` <- ``editor``), held by ``tests/test_layout.py``.

``core/``      files -> model -> diagnostics -> catalog. Imports neither MkDocs nor Jinja.
               ``vntext`` (Vietnamese text), ``dates``, ``places`` (the registry, ``data/``), ``model``, ``schema``
               (every field of every kind), ``frontmatter`` and ``entryfile`` (reading and writing entry files),
               ``validate``, ``loader`` (the one entry point: ``load()``), ``catalog`` (the queries pages ask).
``features/``  catalog -> pages and files. One module per feature: ``entries`` (entry pages and lists),
               ``places`` (the places overview), ``timeline`` and ``calendars``, ``propaganda`` (the culture office's
               tasks), ``reports``, ``open_data``, ``feeds``, ``search``, ``photos``. ``registry`` lists what each
               feature adds to a build; ``urls`` is the one table of addresses (every page, file and search facet
               name), used by Python as ``URLS`` and by templates as ``thidua.urls``.
``site/``      the MkDocs adapter: ``plugin`` (event wiring only), ``view`` (what templates see), ``fragments``,
               ``sanitize``, ``publish`` (safe build), ``outputs``/``forked``/``pageshare`` (parallelism),
               ``templates/`` (overridable from ``custom_dir``) and ``assets/``.
``editor/``    the editors' commands: ``commands`` (check, new, import), ``formats``, ``new_entry``, ``importer/``.
``cli``        the ``thidua`` command line; dispatches to ``editor`` and to ``site.publish``.

Where to start: to add a feature, write ``features/<name>.py`` with its page and output producers and register
it in ``features/registry.py``; its templates go in ``site/templates/thidua/``.
"""

__version__ = "0.1.0"
