"""The editors' tools: ``thidua check``, ``thidua new``, ``thidua import``. Built on the core only."""
