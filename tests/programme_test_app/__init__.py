"""An app that exists only in the tests: it brings a programme type of its own (a bike
kitchen), which must work without any change to `programmes/`."""
