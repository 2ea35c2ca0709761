"""After Assad: shared code for the report's notebooks and build."""

from .contract import DataContractError, Fault, validate
from .data import load, load_package, table_names
from .paths import repo_root

__all__ = ["DataContractError", "Fault", "load", "load_package", "repo_root", "table_names", "validate"]
__version__ = "0.1.0"
