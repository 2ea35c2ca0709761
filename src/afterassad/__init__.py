"""After Assad: shared code for the report's notebooks and build."""

from afterassad.core.paths import repo_root
from afterassad.data.contract import DataContractError, Fault, validate
from afterassad.data.loader import load, load_package, table_names

__all__ = ["DataContractError", "Fault", "load", "load_package", "repo_root", "table_names", "validate"]
__version__ = "0.2.0"
