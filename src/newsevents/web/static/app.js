// newsevents web page: small progressive enhancements (the pages work without JS).
(function () {
  "use strict";
  // Document view: pointing at an event or quote row outlines its spans in the text, and back.
  function mark(ref, on) {
    document.querySelectorAll(".hl[data-refs]").forEach(function (el) {
      if (el.dataset.refs.split(" ").indexOf(ref) >= 0) el.classList.toggle("active", on);
    });
    var row = document.getElementById(ref);
    if (row) row.classList.toggle("active", on);
  }
  document.querySelectorAll("tr[data-ref]").forEach(function (row) {
    row.addEventListener("mouseenter", function () { mark(row.dataset.ref, true); });
    row.addEventListener("mouseleave", function () { mark(row.dataset.ref, false); });
  });
  document.querySelectorAll(".hl[data-refs]").forEach(function (el) {
    el.addEventListener("click", function () {
      var ref = el.dataset.refs.split(" ")[0];
      var row = ref && document.getElementById(ref);
      if (row) row.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  // A linked mention (#doc:e0) is outlined when the page opens.
  if (location.hash.length > 1) mark(decodeURIComponent(location.hash.slice(1)), true);
  // Dyad page: choosing a known pair fills source and target and shows it.
  var pair = document.getElementById("pair");
  if (pair) {
    pair.addEventListener("change", function () {
      var parts = pair.value.split("|");
      document.getElementById("source").value = parts[0];
      document.getElementById("target").value = parts[1];
      pair.form.submit();
    });
  }
})();
