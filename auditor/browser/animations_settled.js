// Resolves once the page's finite CSS animations and transitions have ended (a
// splash fading out, a hero fading in), or after capMs: read mid-fade, text is
// half transparent and fails contrast it passes a moment later. Animations that
// never end (spinners, marquees) are not waited for. Resolves to whether it settled.
async (capMs) => {
  const until = performance.now() + capMs;
  const finite = (a) => {
    if (a.playState !== "running") return false;
    const end = a.effect && a.effect.getComputedTiming().endTime;
    return typeof end === "number" && Number.isFinite(end);
  };
  for (;;) {
    const running = document.getAnimations().filter(finite);
    const left = until - performance.now();
    if (!running.length) return true;
    if (left <= 0) return false;
    await Promise.race([
      Promise.all(running.map((a) => a.finished.catch(() => null))),
      new Promise((resolve) => setTimeout(resolve, left)),
    ]);
  }
}
