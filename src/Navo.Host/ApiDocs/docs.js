// Renders /openapi/v1.json as a list of operations grouped by tag. Text only (no innerHTML): the document's
// strings never become markup.
const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const schemaName = (content) => {
  const schema = content?.["application/json"]?.schema;
  return schema?.$ref?.split("/").pop() ?? schema?.type ?? null;
};

const root = document.getElementById("operations");
try {
  const response = await fetch("/openapi/v1.json");
  const document_ = await response.json();
  const byTag = new Map();
  for (const [path, item] of Object.entries(document_.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== "object" || !operation.responses) continue;
      const tag = operation.tags?.[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation });
    }
  }

  root.textContent = "";
  for (const [tag, operations] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    const section = element("section");
    section.append(element("h2", null, tag));
    for (const { path, method, operation } of operations) {
      const row = element("div", "op");
      row.append(element("span", "method", method.toUpperCase()), element("span", "path", path));
      const body = schemaName(operation.requestBody?.content);
      const answers = Object.keys(operation.responses).join(", ");
      row.append(element("span", "meta", [operation.operationId, body && `body: ${body}`, `answers: ${answers}`].filter(Boolean).join(" · ")));
      section.append(row);
    }
    root.append(section);
  }
} catch (error) {
  root.textContent = `The API description could not be loaded: ${error.message}`;
}
