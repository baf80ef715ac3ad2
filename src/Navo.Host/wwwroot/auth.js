// Sign-in, sign-up and password reset: the forms post JSON to /api/v1/auth/*, which sets the studio's session
// cookie; no token is kept in the page.
const post = (path, body) =>
  fetch(`/api/v1/auth/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const problemText = async (response) => {
  try {
    const problem = await response.json();
    return problem.errors ? Object.values(problem.errors).flat().join(" ") : problem.detail ?? problem.title;
  } catch {
    return "Something went wrong. Please try again.";
  }
};

// After signing in, back to an assistant's request to connect when that is what sent the person here: Navo's own
// authorization endpoint on this origin, and nothing else a link could name.
const connectStart = "/oauth/authorize?";
const connectRequest = () => {
  const next = new URLSearchParams(location.search).get("next");
  return typeof next === "string" && next.startsWith(connectStart) ? next : null;
};

const hashValue = (name) => new URLSearchParams(location.hash.slice(1)).get(name);

for (const form of document.querySelectorAll("form[data-action]")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = form.querySelector(".error");
    const button = form.querySelector("button[type=submit]");
    error.textContent = "";
    button.disabled = true;
    const fields = Object.fromEntries(new FormData(form));
    const action = form.dataset.action;
    if (action === "register" && hashValue("invitation")) fields.invitation = hashValue("invitation");
    if (action === "register" && !fields.workspace) delete fields.workspace;
    if (action === "reset-password") fields.token = hashValue("token");
    try {
      const response = await post(action, fields);
      if (!response.ok) {
        error.textContent = await problemText(response);
        return;
      }

      if (action === "login" || action === "register") {
        const connect = connectRequest();
        if (connect) location.assign(connect);
        else location.assign("/studio");
      } else {
        const done = document.getElementById("done");
        done.textContent = action === "forgot-password"
          ? "If that address has an account, a link is on its way. It works for an hour."
          : "Your password is changed. You can sign in now.";
        done.hidden = false;
        form.hidden = true;
      }
    } finally {
      button.disabled = false;
    }
  });
}

// Single sign-on: the work e-mail's domain finds the workspace, whose identity provider the browser goes to.
const sso = document.getElementById("sso");
const ssoStart = "/api/v1/auth/sso/start/";
if (sso) {
  const error = document.getElementById("error");
  const outcome = new URLSearchParams(location.search).get("sso");
  if (outcome === "refused") error.textContent = "Your company's sign-in did not vouch for that e-mail address here. Ask your workspace's owner.";
  if (outcome === "exists") error.textContent = "An account with this e-mail already exists: sign in with your password.";
  if (outcome === "failed") error.textContent = "Single sign-on did not complete. Please try again.";
  sso.addEventListener("click", async () => {
    error.textContent = "";
    const email = document.getElementById("email").value.trim();
    if (!email) {
      error.textContent = "Type your work e-mail first.";
      return;
    }

    sso.disabled = true;
    try {
      const response = await post("sso", { email });
      if (!response.ok) {
        error.textContent = await problemText(response);
        return;
      }

      // Only Navo's own start of single sign-on is followed, whatever else an answer might say.
      const { redirect } = await response.json();
      if (typeof redirect === "string" && redirect.startsWith(ssoStart)) location.assign(redirect);
    } finally {
      sso.disabled = false;
    }
  });
}

if (document.getElementById("invited") && hashValue("invitation")) document.getElementById("invited").hidden = false;
if (document.getElementById("reset") && hashValue("token")) {
  document.getElementById("forgot").hidden = true;
  document.getElementById("reset").hidden = false;
}

const demo = document.getElementById("demo");
if (demo) {
  const response = await fetch("/api/v1/auth/demo");
  if (response.ok) {
    const { email, password } = await response.json();
    // Say what to do, and do the typing: one press signs in to the demo workspace, then the studio takes over.
    const use = document.createElement("button");
    use.type = "button";
    use.textContent = "Sign in to the demo";
    use.addEventListener("click", () => {
      document.getElementById("email").value = email;
      document.getElementById("password").value = password;
      document.getElementById("signin").requestSubmit();
    });
    demo.replaceChildren(
      `Trying Navo out? Sign in as ${email} with the password ${password}, then describe your business in the chat: your site appears beside it. `,
      use);
    demo.hidden = false;
  }
}
