// Dates typed the Slovenian way, with spaces after the dots ("10. 12. 2026 18:00"), lose
// the spaces before the admin's date picker reads the field: its parser takes ". " for two
// separators and would put "now" in the field (issue 17). Runs in the capture phase, so
// before the picker's own handler on the field.
document.addEventListener(
  "blur",
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !window.jQuery) return;
    if (!window.jQuery(input).data("xdsoft_datetimepicker")) return;
    input.value = input.value.trim().replace(/(\d)\.\s+(?=\d)/g, "$1.");
  },
  true,
);
