/* The portal's part of the editors' web form (Decap CMS, vendored beside this file).

   - the entry format "thidua": reads front matter with YAML's core schema (dates stay text) and writes it exactly
     as `thidua new` does (thidua/core/entryfile.py: every key in schema order, the same quoting, the same comments);
   - the widget "thidua-date": a date as the document writes it, checked by the rules of thidua/core/dates.py;
   - the widget "thidua-place": a unit of the place registry, found by name with or without diacritics, stored as id;
   - the Vietnamese phrases the Decap locale lacks.
   tests/test_cms.py runs the format and the date rules under node against the Python code, on the same inputs.
   Written for the browsers editors have (Chrome 90, Safari 15): no regex lookbehind, no newer syntax. */

import vi from "./vendor/decap-cms-locales/vi.js";

/* ---------- Vietnamese text, as thidua/core/vntext.py folds it ---------- */
export function fold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase();
}

/* ---------- Dates: the rules of thidua/core/dates.py parse_date, as a check ---------- */
const QUALIFIERS = ["hoàn thành trước", "hoàn thành trong", "hoàn thành", "chậm nhất", "trước", "trong", "cuối",
  "đầu", "giữa", "sau", "từ", "đến", "vào"];
const BLANKS = /[\s_.…]+/g;
const DMY = /^(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONG = /^(?:ngày\s*(\d{1,2})?\s*)?tháng\s*(\d{1,2})\s*(?:năm\s*|\/\s*)(\d{4})$/;
const MY = /^(\d{1,2})\s*\/\s*(\d{4})$/;
const QUARTER = /^quý\s*(iv|iii|ii|i|[1-4])\s*(?:năm\s*|\/\s*)(\d{4})$/;
const YEAR = /^(?:năm\s*)?(\d{4})$/;
const DM = /^(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})$/;

function pad2(n) { return (n < 10 ? "0" : "") + n; }
function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
function checkYear(year, original) {
  if (year < 1900 || year > 2100) throw new Error("năm " + year + " trong “" + original + "” nằm ngoài khoảng 1900–2100");
}
function checkDay(original, day, month, year) {
  checkYear(year, original);
  if (month < 1 || month > 12) throw new Error("tháng " + month + " trong “" + original + "” không tồn tại (tháng từ 1 đến 12)");
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    throw new Error("ngày " + pad2(day) + "/" + pad2(month) + "/" + year + " không tồn tại: tháng " + month + "/" + year +
      " chỉ có " + last + " ngày");
  }
}
function stripEnds(text, chars) {
  let start = 0;
  let end = text.length;
  while (start < end && chars.indexOf(text[start]) >= 0) start++;
  while (end > start && chars.indexOf(text[end - 1]) >= 0) end--;
  return text.slice(start, end);
}

/* "" when the text is a date the checker accepts, else the checker's message (Vietnamese). */
export function dateProblem(value) {
  if (value === undefined || value === null) return "";
  const original = String(value).normalize("NFC").trim();
  let text = stripEnds(original.toLowerCase().replace(BLANKS, " ").trim(), " ,;.");
  if (["", "không rõ", "không có", "chưa rõ"].indexOf(text) >= 0) return "";
  for (const q of QUALIFIERS) {
    if (text.indexOf(q + " ") === 0) { text = text.slice(q.length).trim(); break; }
  }
  let m;
  try {
    if ((m = ISO.exec(text))) { checkDay(original, +m[3], +m[2], +m[1]); return ""; }
    if ((m = DMY.exec(text))) { checkDay(original, +m[1], +m[2], +m[3]); return ""; }
    if ((m = LONG.exec(text))) {
      if (m[1]) { checkDay(original, +m[1], +m[2], +m[3]); return ""; }
      checkYear(+m[3], original);
      if (+m[2] < 1 || +m[2] > 12) throw new Error("tháng " + (+m[2]) + " trong “" + original + "” không tồn tại (tháng từ 1 đến 12)");
      return "";
    }
    if ((m = MY.exec(text))) {
      checkYear(+m[2], original);
      if (+m[1] < 1 || +m[1] > 12) throw new Error("tháng " + (+m[1]) + " trong “" + original + "” không tồn tại (tháng từ 1 đến 12)");
      return "";
    }
    if ((m = QUARTER.exec(text))) { checkYear(+m[2], original); return ""; }
    if ((m = YEAR.exec(text))) { checkYear(+m[1], original); return ""; }
    if ((m = DM.exec(text))) {
      return "“" + original + "” thiếu năm; hãy ghi đủ năm như văn bản, ví dụ “" + m[1] + "/" + m[2] + "/2022”";
    }
  } catch (error) {
    return error.message;
  }
  return "không đọc được ngày “" + original + "”; hãy ghi như văn bản: “12/02/2020”, “ngày 12 tháng 02 năm 2020”, " +
    "“tháng 6/2020”, “Quý I/2025”, “năm 2021”, hoặc để trống “” nếu văn bản không ghi";
}

/* ---------- The entry file, as thidua/core/entryfile.py writes it ---------- */
const COMMENT_COLUMN = 44;
const PLAIN = /^[a-z0-9][a-z0-9-]*$/;
const RESERVED = ["true", "false", "null", "yes", "no", "on", "off"];

function scalar(field, value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  const text = value === undefined || value === null ? "" : String(value);
  if ((field.kind === "ref" || field.kind === "list_ref" || field.choices) && PLAIN.test(text) &&
      RESERVED.indexOf(text) < 0) {
    return text;
  }
  return JSON.stringify(text);
}
function withComment(line, comment) {
  if (!comment) return line;
  // Python's ljust counts code points; padEnd would count UTF-16 units (an emoji is two).
  const length = Array.from(line).length;
  return line + " ".repeat(Math.max(0, COMMENT_COLUMN - 1 - length)) + " # " + comment;
}
function label(field) {
  let text = field.label;
  if (field.required) text += " (bắt buộc)";
  if (field.choices) text += "; chọn: " + field.choices.join(" | ");
  return text;
}
function exampleLines(field, indent) {
  return field.fields.map(function (sub, index) {
    const lead = index === 0 ? indent + "- " : indent + "  ";
    if ((sub.example === undefined || sub.example === null) && (sub.kind === "ref" || sub.kind === "int")) {
      // An empty id or number is an error: this one stays a comment once the "#" before it is removed.
      return withComment("#" + lead + "# " + sub.key + ": …", label(sub));
    }
    const example = sub.example !== undefined && sub.example !== null ? sub.example : "";
    return withComment("#" + lead + sub.key + ": " + scalar(sub, example), label(sub));
  });
}
function isEmpty(value) {
  return value === undefined || value === null || value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
}
function fieldLines(field, value, indent, comments) {
  const comment = comments ? label(field) : "";
  const key = indent + field.key + ":";
  const kind = field.kind;
  if ((kind === "ref" || kind === "int") && isEmpty(value)) {
    const example = field.example !== undefined ? field.example : (kind === "ref" ? "…" : 0);
    // "#" right before the key: removing it, as the guide says, leaves the key at its own indentation.
    return [withComment("#" + key + " " + scalar(field, example), comment || field.label)];
  }
  if (["str", "text", "date", "ref", "int", "bool"].indexOf(kind) >= 0) {
    if (kind === "bool" && (value === undefined || value === null)) value = false;
    return [withComment(key + " " + scalar(field, value), comment)];
  }
  if (kind === "list_str" || kind === "list_ref") {
    const items = value || [];
    if (!items.length) return [withComment(key + " []", comment)];
    if (kind === "list_ref") return [withComment(key + " [" + items.map(function (i) { return scalar(field, i); }).join(", ") + "]", comment)];
    return [withComment(key, comment)].concat(items.map(function (i) { return indent + "  - " + scalar(field, i); }));
  }
  if (kind === "map") {
    const data = value && typeof value === "object" && !Array.isArray(value) ? value : {};
    let lines = [withComment(key, comment)];
    for (const sub of field.fields) lines = lines.concat(fieldLines(sub, data[sub.key], indent + "  ", comments));
    return lines;
  }
  if (kind === "list_map") {
    const items = value || [];
    if (!items.length) {
      if (!comments) return [key + " []"];
      // No "[]" before example items: "key: []" followed by items is a YAML error once they are uncommented.
      return [withComment(key, comment + "; bỏ dấu # ở các dòng mẫu dưới đây")].concat(exampleLines(field, indent + "  "));
    }
    let lines = [withComment(key, comment)];
    for (const item of items) {
      let itemLines = [];
      for (const sub of field.fields) {
        if (!Object.prototype.hasOwnProperty.call(item, sub.key)) continue;
        const subValue = item[sub.key];
        if (isEmpty(subValue) && (sub.kind === "ref" || sub.kind === "int")) continue;
        // A key of the item, nested lists and groups included, two spaces in; the first key takes the "- ".
        itemLines = itemLines.concat(fieldLines(sub, subValue, indent + "  ", false));
      }
      if (itemLines.length) itemLines[0] = indent + "- " + itemLines[0].slice(indent.length + 2);
      lines = lines.concat(itemLines);
    }
    return lines;
  }
  throw new Error("unknown field kind " + kind);
}

/* The text of an entry file, byte for byte what render_entry(kind, meta, body) gives. */
export function renderEntry(fields, meta, body) {
  let lines = ["---"];
  for (const field of fields) lines = lines.concat(fieldLines(field, meta[field.key], "", true));
  lines.push("---");
  let text = lines.join("\n") + "\n";
  const trimmed = (body || "").replace(/^\n+/, "").replace(/\n+$/, "");
  if (trimmed) text += "\n" + trimmed + "\n";
  return text;
}

/* What the form edits: the keys the form knows, values cleaned of what the form cannot show. */
function formValue(field, value) {
  if (value === undefined || value === null) return value;
  if (field.kind === "list_map" && Array.isArray(value)) {
    return value.map(function (item) {
      if (typeof item === "string" && field.shorthand) { const o = {}; o[field.shorthand] = item; return o; }
      return item;
    });
  }
  if (field.kind === "map" && typeof value === "object" && !Array.isArray(value)) {
    const out = Object.assign({}, value);
    for (const sub of field.fields) if (out[sub.key] !== undefined) out[sub.key] = formValue(sub, out[sub.key]);
    return out;
  }
  return value;
}

export function parseEntry(fields, text, yaml) {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) return { body: text };
  const meta = yaml.load(match[1], { schema: yaml.CORE_SCHEMA }) || {};
  const data = {};
  for (const field of fields) if (meta[field.key] !== undefined) data[field.key] = formValue(field, meta[field.key]);
  for (const key of Object.keys(meta)) if (data[key] === undefined) data[key] = meta[key];
  data.body = match[2].replace(/^\r?\n/, "");
  return data;
}

/* ---------- Wiring into Decap (browser only) ---------- */
const PHRASES = {
  auth: { loginWithAzure: "Đăng nhập bằng Azure", loginWithForgejo: "Đăng nhập bằng Forgejo" },
  collection: {
    collectionTop: { viewAs: "Xem dạng", viewAsList: "Danh sách", viewAsGrid: "Lưới", newButton: "＋ Thêm %{collectionLabel}",
      groupBy: "Nhóm theo" },
    entries: { unpublishedHeader: "Bài chưa đăng" },
    groups: { other: "Khác", negateLabel: "Không %{label}" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "trường %{widgetLabel}" } },
    editorInterface: { toggleI18n: "Bật/tắt ngôn ngữ", togglePreview: "Bật/tắt xem trước", toggleScrollSync: "Cuộn cùng nhau",
      toggleNotes: "Bật/tắt ghi chú" },
    editorNotesPane: { title: "Ghi chú", emptyState: "Chưa có ghi chú nào.", addNote: "Thêm ghi chú",
      addPlaceholder: "Viết ghi chú…", editPlaceholder: "Sửa ghi chú…", save: "Lưu", cancel: "Hủy", edit: "Sửa",
      delete: "Xóa", resolve: "Đã xong", unresolve: "Mở lại", confirmDelete: "Xóa ghi chú này?",
      shortcut: "Mẹo: bấm Ctrl+Enter để thêm nhanh" },
    editorToolbar: {
      statusInfoTooltipDraft: "Bài đang là bản nháp. Khi xong, chuyển trạng thái sang “Chờ duyệt” để gửi duyệt.",
      statusInfoTooltipInReview: "Bài đang chờ duyệt; bạn vẫn có thể sửa thêm.",
    },
    editorWidgets: {
      markdown: { bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã", link: "Liên kết",
        linkPrompt: "Nhập địa chỉ liên kết", headings: "Tiêu đề", quote: "Trích dẫn", bulletedList: "Danh sách chấm",
        numberedList: "Danh sách số", addComponent: "Thêm thành phần", markdown: "Markdown",
        toggleMode: { rich: "Chuyển sang soạn thảo thường", markdown: "Chuyển sang Markdown" } },
      image: { chooseMultiple: "Chọn ảnh", chooseUrl: "Chèn từ địa chỉ", replaceUrl: "Thay bằng địa chỉ",
        promptUrl: "Nhập địa chỉ ảnh", addMore: "Thêm ảnh", removeAll: "Bỏ tất cả ảnh" },
      file: { chooseUrl: "Chèn từ địa chỉ", chooseMultiple: "Chọn tệp", replaceUrl: "Thay bằng địa chỉ",
        promptUrl: "Nhập địa chỉ tệp", addMore: "Thêm tệp", removeAll: "Bỏ tất cả tệp" },
      datetime: { setToNow: "Đặt %{fieldLabel} là bây giờ" },
      list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
      object: { expand: "Mở ra", collapse: "Thu gọn" },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn", copyName: "Chép tên", copied: "Đã chép" },
    mediaLibraryModal: { close: "Đóng" },
  },
  ui: { settingsDropdown: { account: "Tài khoản" },
    toast: { noteAdded: "Đã thêm ghi chú", onFailToAddNote: "Không thêm được ghi chú: %{details}",
      noteUpdated: "Đã sửa ghi chú", onFailToUpdateNote: "Không sửa được ghi chú: %{details}",
      noteDeleted: "Đã xóa ghi chú", onFailToDeleteNote: "Không xóa được ghi chú: %{details}",
      noteResolved: "Ghi chú đã xong", noteReopened: "Đã mở lại ghi chú",
      onFailToToggleNote: "Không đổi được trạng thái ghi chú: %{details}" } },
};

export function mergePhrases(base, extra) {
  const out = Object.assign({}, base);
  for (const key of Object.keys(extra)) {
    const value = extra[key];
    out[key] = value && typeof value === "object" ? mergePhrases(base[key] || {}, value) : value;
  }
  return out;
}

function placeWidget(CMS, h, createClass, places) {
  const folded = places.map(function (row) { return fold(row[1]); });
  const byId = {};
  places.forEach(function (row) { byId[row[0]] = row; });
  const describe = function (id) { const row = byId[id]; return row ? row[1] + (row[2] ? " — " + row[2] : "") : id; };
  const Control = createClass({
    getInitialState: function () { return { query: "" }; },
    isValid: function () {
      const value = this.props.value;
      if (value && !byId[value]) return { error: { message: "Không có đơn vị mang mã “" + value + "” trong sổ địa phương." } };
      return true;
    },
    render: function () {
      const self = this;
      const words = fold(this.state.query).split(/\s+/).filter(Boolean);
      const hits = [];
      if (words.length) {
        for (let i = 0; i < places.length && hits.length < 30; i++) {
          if (words.every(function (w) { return folded[i].indexOf(w) >= 0; })) hits.push(places[i]);
        }
      }
      return h("div", { className: this.props.classNameWrapper, "data-thidua-place": "" },
        this.props.value ? h("p", { className: "thidua-place-chosen" }, "Đã chọn: " + describe(this.props.value) +
          " (mã " + this.props.value + ")") : null,
        h("input", { type: "search", id: this.props.forID, value: this.state.query, autoComplete: "off",
          placeholder: "Gõ tên đơn vị, có dấu hay không dấu: “xa gio linh”, “huyện Bố Trạch”",
          onChange: function (e) { self.setState({ query: e.target.value }); } }),
        hits.length ? h("ul", { className: "thidua-place-hits", style: { listStyle: "none", padding: 0 } },
          hits.map(function (row) {
            return h("li", { key: row[0] }, h("button", { type: "button", "data-id": row[0],
              style: { display: "block", width: "100%", textAlign: "left", padding: "6px", margin: "2px 0" },
              onClick: function () { self.props.onChange(row[0]); self.setState({ query: "" }); } },
              row[1] + (row[2] ? " — " + row[2] : "")));
          })) : null);
    },
  });
  const Preview = function (props) { return h("p", {}, props.value ? describe(props.value) : ""); };
  CMS.registerWidget("thidua-place", Control, Preview);
}

function dateWidget(CMS, h, createClass) {
  const Control = createClass({
    isValid: function () {
      const problem = dateProblem(this.props.value);
      return problem ? { error: { message: problem } } : true;
    },
    render: function () {
      const self = this;
      return h("input", { type: "text", id: this.props.forID, className: this.props.classNameWrapper,
        value: this.props.value || "", placeholder: "ví dụ 12/02/2020, tháng 6/2020",
        onChange: function (e) { self.props.onChange(e.target.value); } });
    },
  });
  CMS.registerWidget("thidua-date", Control, function (props) { return h("span", {}, props.value || ""); });
}

async function start() {
  const CMS = window.CMS;
  const schema = await (await fetch("thidua-schema.json")).json();
  const places = await (await fetch("dia-phuong.json")).json();
  CMS.registerLocale("vi", mergePhrases(vi, PHRASES));
  placeWidget(CMS, window.h, window.createClass, places);
  dateWidget(CMS, window.h, window.createClass);
  // One format per collection: a format is not told which collection it reads or writes, and its kind decides
  // every key of the file.
  for (const name of Object.keys(schema.collections)) {
    const fields = schema.kinds[schema.collections[name]];
    CMS.registerCustomFormat("thidua-" + name, "md", {
      fromFile: function (content) { return parseEntry(fields, content, window.jsyaml); },
      toFile: function (data) {
        const meta = Object.assign({}, data);
        delete meta.body;
        return renderEntry(fields, meta, data.body || "");
      },
    });
  }
  CMS.init();
}

if (typeof window !== "undefined" && window.CMS) {
  start().catch(function (error) {
    document.body.insertAdjacentHTML("afterbegin", "<p role=\"alert\">Không mở được trang biên tập.</p>");
    console.error(error);
  });
}
