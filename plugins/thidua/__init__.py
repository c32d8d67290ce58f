"""mkdocs-thidua: a public portal of Vietnamese emulation plans, movements, places and exemplars.

Map of the package. Data flows one way, top to bottom; imports flow one way too
(``core`` <- ``features`` <- ``site``; ``core`` <- ``editor``), held by ``tests/test_layout.py``.

``core/``      files -> model -> diagnostics -> catalog. Imports neither MkDocs nor Jinja.
               ``vntext`` (Vietnamese text), ``dates``, ``places`` (the registry, ``data/``), ``model``, ``schema``
               (every field of every kind), ``frontmatter`` and ``entryfile`` (reading and writing entry files),
               ``validate``, ``loader`` (the one entry point: ``load()``), ``catalog`` (the queries pages ask).
``features/``  catalog -> pages and files. One module per feature, each ending with its ``FEATURE`` (a
               ``feature.Feature``: its pages, its output files, what templates see of it as ``thidua.<name>``):
               ``entries`` (entry pages and lists), ``places`` (the places overview), ``timeline`` and ``calendars``,
               ``propaganda`` (the culture office's tasks), ``reports``, ``open_data``, ``feeds``, ``search``,
               ``photos``, ``notices`` (public comment on award nominees), ``cms`` (the editors' web form).
               ``registry`` lists the features, in one list; ``urls`` is the one table of addresses
               (every page, file and search facet name), used by Python as ``URLS`` and by templates as
               ``thidua.urls``.
``site/``      the MkDocs adapter: ``plugin`` (event wiring only), ``view`` (what templates see), ``fragments``,
               ``sanitize``, ``publish`` (safe build), ``outputs``/``forked``/``pageshare`` (parallelism),
               ``templates/`` (overridable from ``custom_dir``) and ``assets/``.
``editor/``    the editors' commands: ``commands`` (check, new, import), ``formats``, ``new_entry``, ``importer/``.
``cli``        the ``thidua`` command line; dispatches to ``editor`` and to ``site.publish``.

Where to start: to add a feature, write ``features/<name>.py`` ending with ``FEATURE = Feature(...)``, add it to
``FEATURES`` in ``features/registry.py`` and, if it has addresses, to ``features/urls.py``; its templates go in
``site/templates/thidua/``. The template view names no feature, and the plugin none but for the options of
``mkdocs.yml`` (the web form's ``cms``); only a feature whose markup repeats hundreds of times a page (entry
lists, timelines, task items) adds a printer to ``site/fragments.py``.
"""

__version__ = "0.1.0"
