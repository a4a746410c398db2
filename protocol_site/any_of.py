"""`AnyOf(field, ids)`: a record whose `field` is one of the ids a subquery gives, written so
that a list's OR of "mine" conditions can still be answered from indexes.

`Q(assigned_to=me) | Q(Exists(<absence where officer_id = outer assigned_to_id>))` makes
PostgreSQL test the correlated subquery on every open enquiry, a full scan at a million. The
same question as `assigned_to_id = ANY(ARRAY(SELECT officer_id FROM … WHERE cover_id = me))`
runs the subquery once and lets each branch of the OR use its own index. Other databases get
the plain `IN (SELECT …)`. Only for the positive side of a condition: under NOT, a null field
reads differently from NOT EXISTS, so negate the subquery's own filter instead.
"""

from __future__ import annotations

from django.db.models import BooleanField, Expression, F, QuerySet, Subquery


class AnyOf(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, field: str, ids: QuerySet):
        super().__init__()
        self.lhs = F(field)
        self.ids = Subquery(ids.order_by())

    def get_source_expressions(self):
        return [self.lhs, self.ids]

    def set_source_expressions(self, exprs):
        self.lhs, self.ids = exprs

    def _sides(self, compiler):
        field_sql, field_params = compiler.compile(self.lhs)
        ids_sql, ids_params = compiler.compile(self.ids)
        return field_sql, ids_sql, (*field_params, *ids_params)

    def as_sql(self, compiler, connection):
        field_sql, ids_sql, params = self._sides(compiler)
        return f"{field_sql} IN {ids_sql}", params

    def as_postgresql(self, compiler, connection):
        field_sql, ids_sql, params = self._sides(compiler)
        return f"{field_sql} = ANY(ARRAY{ids_sql})", params
