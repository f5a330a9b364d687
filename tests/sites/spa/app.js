// A small single-page app: the menu, the title, the description and the text of every
// route are written by this script; the server sends the same empty shell for all.
const ROUTES = {
  "/": ["Oasis Coffee Roasters", "Fresh specialty coffee roasted every week in Riyadh and shipped the next day."],
  "/about": ["About Oasis Coffee", "We are a family roastery that has sourced green coffee from Yemen and Ethiopia since 1998."],
  "/pricing": ["Prices and subscriptions", "A bag of 250 grams costs 45 riyals; a monthly subscription saves twenty percent."],
  "/contact": ["Contact us", "Call us at +966 50 123 4567 or write to care@example.com, Sunday to Thursday."],
};
const FILLER = " Our roasters taste every batch before it leaves, and every order ships in a resealable bag with a roast date printed on it. Ask us about grinding, brewing and storing your beans.";

function render() {
  const path = location.pathname.replace(/index\.html$/, "");
  const route = ROUTES[path];
  const menu = '<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/pricing">Pricing</a>' +
    ' <a href="/contact">Contact</a> <a href="/old-offer">Old offer</a>' +
    ' <span class="link" onclick="location.href=\'/blog\'">Blog</span>' +
    ' <a href="javascript:void(0)" onclick="location.href=\'/shop\'">Shop</a>' +
    // Arabic is shown in place, with no URL of its own
    ' <button type="button" onclick="document.documentElement.lang = \'ar\'">العربية</button></nav>';
  if (!route) {
    document.title = "Page not found";
    document.getElementById("app").innerHTML = menu + "<main><h1>Page not found</h1><p>Sorry.</p></main>";
    return;
  }
  document.title = route[0] + " | Oasis";
  const description = document.createElement("meta");
  description.name = "description";
  description.content = route[1];
  document.head.appendChild(description);
  document.getElementById("app").innerHTML = menu + "<main><h1>" + route[0] + "</h1><p>" + route[1] + FILLER + FILLER + "</p></main>";
}
render();
