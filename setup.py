"""What pyproject.toml cannot say on its own: the checkout's top-level ``resources/`` folder
installs as the package ``caseworker.resources`` (see ``caseworker/shipped.py``).

Everything else about the project is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

NOT_CODE = ["__pycache__", "*.__pycache__"]

# Namespace discovery so that folders without __init__.py (the migration scripts in
# caseworker/storage/migrations/versions) are installed too.
CODE_PACKAGES = find_namespace_packages(
    include=["caseworker", "caseworker.*", "ui", "ui.*"], exclude=NOT_CODE
)
# resources/fonts and the like are listed as packages too, or setuptools warns that they
# look importable; they hold only data.
RESOURCE_FOLDERS = [
    f"caseworker.resources.{name}"
    for name in find_namespace_packages(where="resources", exclude=NOT_CODE)
]

setup(
    packages=[*CODE_PACKAGES, "caseworker.resources", *RESOURCE_FOLDERS],
    package_dir={"caseworker.resources": "resources"},
    package_data={
        # Every file below resources/ (fonts, reference tables, their licences and READMEs).
        "caseworker.resources": ["**/*"],
        "caseworker.storage": ["migrations/*.mako"],
    },
    exclude_package_data={"caseworker.resources": ["*.pyc"]},
)
