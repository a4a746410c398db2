// The officer picker, enhanced: the plain text input (registers.pickers) becomes an accessible
// autocomplete that searches the officers the form may offer as the person types. Choosing one
// posts its id beside the name; typing again forgets it, and the server then reads the name as
// it does without JavaScript.
const pickers = document.querySelectorAll('[data-module="app-officer-picker"]');

function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text == null ? "" : String(text);
  return span.innerHTML;
}

function whereTheyWork(officer) {
  return [officer.post, officer.service].filter(Boolean).join(", ");
}

// The hint and any error stay the input's description, whatever the autocomplete sets.
function keepDescribedBy(input, ids) {
  const apply = () => {
    const current = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    const wanted = [...new Set([...ids, ...current])];
    if (wanted.join(" ") !== current.join(" ")) {
      input.setAttribute("aria-describedby", wanted.join(" "));
    }
  };
  apply();
  new MutationObserver(apply).observe(input, {
    attributes: true,
    attributeFilter: ["aria-describedby"],
  });
}

function enhance(picker, accessibleAutocomplete) {
  const original = picker.querySelector("input.govuk-input");
  if (!original) return;
  const searchUrl = picker.dataset.searchUrl;
  let chosen = picker.querySelector(`input[type="hidden"][name="${picker.dataset.idName}"]`);
  if (!chosen) {
    chosen = document.createElement("input");
    chosen.type = "hidden";
    chosen.name = picker.dataset.idName;
    picker.appendChild(chosen);
  }
  const describedBy = (original.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  const hasError = original.classList.contains("govuk-input--error");
  const { id, name, value } = original;
  original.remove();

  let lastQuery = "";
  accessibleAutocomplete({
    element: picker,
    id,
    name,
    defaultValue: value,
    minLength: 2,
    confirmOnBlur: false,
    displayMenu: "overlay",
    inputClasses: `govuk-input${hasError ? " govuk-input--error" : ""}`,
    menuClasses: "app-officer-picker__menu",
    source(query, populate) {
      lastQuery = query;
      fetch(`${searchUrl}&q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((data) => {
          if (query === lastQuery) populate(data.results || []);
        })
        .catch(() => populate([]));
    },
    templates: {
      inputValue: (officer) => (officer ? officer.name : ""),
      suggestion: (officer) => {
        if (typeof officer === "string") return escapeHtml(officer);
        const where = whereTheyWork(officer);
        return (
          `<span class="app-officer-picker__name">${escapeHtml(officer.name)}</span>` +
          (where ? `<span class="app-officer-picker__where">${escapeHtml(where)}</span>` : "")
        );
      },
    },
    onConfirm(officer) {
      if (officer) chosen.value = officer.id;
    },
    tNoResults: () => "No officer found with that name",
    tStatusQueryTooShort: (least) => `Type ${least} or more letters of their name`,
    tStatusNoResults: () => "No officer found with that name",
  });

  const input = picker.querySelector(`#${CSS.escape(id)}`);
  if (input) {
    input.addEventListener("input", () => {
      chosen.value = "";
    });
    keepDescribedBy(input, describedBy);
  }
}

if (pickers.length) {
  await import("../build/accessible-autocomplete.min.js");
  const accessibleAutocomplete = window.accessibleAutocomplete;
  if (typeof accessibleAutocomplete === "function") {
    pickers.forEach((picker) => enhance(picker, accessibleAutocomplete));
  }
}
