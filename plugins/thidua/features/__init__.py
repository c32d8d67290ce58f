"""Features: each module turns the catalog into generated pages and other site files and ends with its ``FEATURE``;
``registry`` lists them, ``urls`` holds every address."""
