"""The registers' JSON API: officers' absences and their cover."""
