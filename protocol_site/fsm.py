"""What every protected state machine in the product shares."""


class ProtectedStateMixin:
    """A model whose `status` is a django-fsm FSMField(protected=True): protected from
    assignment, but still read again from the database by refresh_from_db()."""

    def refresh_from_db(self, *args, **kwargs):
        fields = kwargs.get("fields")
        if fields is None or "status" in fields:
            self.__dict__.pop("status", None)
        super().refresh_from_db(*args, **kwargs)
