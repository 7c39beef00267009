"""The built-in programme types, one per module; `programmes.programme_plugins` registers them."""
