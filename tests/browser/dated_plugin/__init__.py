"""A programme type with a date, a time and a date-and-time field, turned on in the browser
tests' server so that a browser can type into a plugin's date fields."""
