import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// A list's search and filters fold away on a phone (council.scss). From tablet width up they
// are open; a browser that cannot unfold them by CSS alone has them opened here.
if (window.matchMedia("(min-width: 40.0625em)").matches) {
  document.querySelectorAll("details.app-filter__toggle").forEach((panel) => {
    panel.open = true;
  });
}
