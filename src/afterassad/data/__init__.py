"""The data: the contract, the one loader, the data dictionary, the seed articles and the source registry's shared reading."""
