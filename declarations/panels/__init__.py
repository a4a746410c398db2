"""Appointment and dismissal panels (REG-2, 003 §6): who sat, and that no member related to the
officer concerned did."""
