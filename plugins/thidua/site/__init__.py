"""The MkDocs adapter: the plugin's event wiring, what templates see, sanitising, publishing, parallelism."""
