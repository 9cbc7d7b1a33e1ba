// The overview page's own script (index.html, written by toolkit/reports/_index.py): sorting
// and filtering the article table. The page allows it by its SHA-256 hash in the
// Content-Security-Policy; nothing else on the page can run. It reads the table's cells as
// text and only ever moves or hides rows: no article data is ever turned into markup or code.
(function () {
  "use strict";
  var table = document.getElementById("ov-articles");
  var controls = document.getElementById("ov-controls");
  if (!table || !controls) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (row) {
    return row.textContent.toLocaleLowerCase();
  });
  var filter = document.getElementById("ov-filter");
  var outlet = document.getElementById("ov-outlet");
  var count = document.getElementById("ov-count");
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function sortValue(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (!numeric) {
      return raw.trim().toLocaleLowerCase();
    }
    var number = parseFloat(raw);
    return isNaN(number) ? null : number;
  }

  function compare(a, b, descending) {
    if (a === b) {
      return 0;
    }
    if (a === null || a === "") {
      return 1; // missing values last, whichever the direction
    }
    if (b === null || b === "") {
      return -1;
    }
    var order = a < b ? -1 : 1;
    return descending ? -order : order;
  }

  function sortBy(header) {
    var column = headers.indexOf(header);
    var numeric = header.getAttribute("data-type") === "number";
    var descending = header.getAttribute("aria-sort") === "ascending";
    var keyed = rows.map(function (row, index) {
      return { row: row, index: index, value: sortValue(row, column, numeric) };
    });
    keyed.sort(function (a, b) {
      return compare(a.value, b.value, descending) || a.index - b.index;
    });
    headers.forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) {
      fragment.appendChild(item.row);
    });
    body.appendChild(fragment);
  }

  function applyFilter() {
    var words = filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var wanted = outlet ? outlet.value : "";
    var shown = 0;
    rows.forEach(function (row, index) {
      var visible =
        words.every(function (word) {
          return texts[index].indexOf(word) !== -1;
        }) &&
        (wanted === "" || row.getAttribute("data-outlet") === wanted);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    count.textContent = shown + " of " + rows.length + " articles shown";
  }

  headers.forEach(function (header) {
    var button = header.querySelector("button");
    if (button) {
      button.addEventListener("click", function () {
        sortBy(header);
      });
    }
  });
  filter.addEventListener("input", applyFilter);
  if (outlet) {
    outlet.addEventListener("change", applyFilter);
  }
  controls.hidden = false;
  applyFilter();
})();
