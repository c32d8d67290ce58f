"""Features: each module turns the catalog into generated pages and other site files; ``registry`` lists them."""
