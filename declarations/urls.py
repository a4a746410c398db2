from django.urls import path

from . import views

app_name = "declarations"

urlpatterns = [
    path("", views.declaration_list, name="list"),
    path("new/", views.declaration_find, name="find"),
    path("new/<int:user_pk>/", views.declaration_new, name="new"),
    path("review/", views.queue, name="queue"),
    path("register/", views.register, name="register"),
    path("register.csv", views.register_csv, name="register_csv"),
    path("<int:pk>/", views.declaration_detail, name="detail"),
    path("<int:pk>/change/", views.declaration_change, name="change"),
    path("<int:pk>/withdraw/", views.declaration_withdraw, name="withdraw"),
    path("<int:pk>/confirm/", views.declaration_confirm, name="confirm"),
    path("<int:pk>/answer/", views.declaration_answer, name="answer"),
    path("<int:pk>/review/", views.declaration_review, name="review"),
    path("<int:pk>/ask/", views.declaration_ask, name="ask"),
]
