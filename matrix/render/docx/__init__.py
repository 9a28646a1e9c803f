"""Word documents: templates compiled once per batch, rendered, zipped and combined for printing."""
