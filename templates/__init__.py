"""The built-in Jinja2 templates, one folder per target.

This file makes ``templates/`` the package ``generator.templates`` in the wheel (see
``[tool.setuptools]`` in pyproject.toml), so :mod:`generator.render` finds the templates with
``importlib.resources`` however schemagen was installed. It holds no code.
"""
