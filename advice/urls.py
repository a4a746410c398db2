from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("", views.advice_list, name="list"),
    path("ask/", views.advice_new, name="new"),
    path("<int:pk>/", views.advice_detail, name="detail"),
    path("<int:pk>/advise/", views.advice_respond, name="respond"),
    path("<int:pk>/withdraw/", views.advice_withdraw, name="withdraw"),
    path("lobbying/", views.lobbying_list, name="lobbying_list"),
    path("lobbying/report/", views.lobbying_new, name="lobbying_new"),
    path("lobbying/<int:pk>/", views.lobbying_detail, name="lobbying_detail"),
    path("lobbying/<int:pk>/action/", views.lobbying_action, name="lobbying_action"),
]
