"""Icons and avatars (SVG), read with importlib.resources."""
