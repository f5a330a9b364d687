// Runs axe-core (evaluated into the page first) and keeps only the violations,
// each with at most maxNodes nodes and maxHtml characters of their HTML.
async ([maxNodes, maxHtml]) => {
  // iframes: false, because axe is only injected into the top frame and would
  // otherwise wait for answers from frames that cannot give them.
  const r = await axe.run(document, {resultTypes: ['violations'], iframes: false});
  return {
    version: axe.version,
    violations: r.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      help_url: v.helpUrl,
      tags: v.tags,
      node_count: v.nodes.length,
      nodes: v.nodes.slice(0, maxNodes).map(n => ({
        target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
        html: (n.html || '').slice(0, maxHtml),
      })),
    })),
  };
}
