// The page's language follows the browser's, at the same URL (as i18next's browser language detector does).
if ((navigator.languages[0] || navigator.language || "").startsWith("ar")) {
  document.documentElement.lang = "ar";
  document.documentElement.dir = "rtl";
  document.title = "عيادة الواحة لطب الأسنان";
  document.getElementById("heading").textContent = "رعاية لطيفة للأسنان لكل أفراد العائلة";
  document.getElementById("intro").textContent = "تعالج عيادتنا في الرياض الأطفال والكبار ستة أيام في الأسبوع. احجز فحصًا أو تنظيفًا أو استشارة مع أحد أطبائنا، وسنتصل بك خلال اليوم لتأكيد الموعد الذي يناسبك.";
}
