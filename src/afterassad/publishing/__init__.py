"""Publishing: the Sphinx extension, the reference generator, fact-check records, the edition, metadata, previews and the data zip."""
