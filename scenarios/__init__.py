"""The scenarios shipped with the app: YAML files (data only), read with importlib.resources."""
