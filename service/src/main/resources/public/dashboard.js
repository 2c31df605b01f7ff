// The dashboard reads only the service's own JSON API and event stream, and draws with Chart.js served as a WebJar,
// so it works without internet access.
"use strict";

const state = { asset: null, curveChart: null, depthChart: null, ecosystem: null };
const usd = v => v == null ? "–" : v >= 1e9 ? (v / 1e9).toFixed(2) + " B" : v >= 1e6 ? (v / 1e6).toFixed(2) + " M"
    : v >= 1e3 ? (v / 1e3).toFixed(1) + " k" : v.toFixed(0);
const pct = v => v == null ? "none" : (100 * v).toFixed(0) + "%";

async function getJson(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.field + ": " + body.error.rule : r.status);
  return body;
}

async function start() {
  const health = await getJson("/health");
  state.ecosystem = health.ecosystem;
  document.getElementById("ecosystem").textContent = health.ecosystem;
  document.getElementById("live-version").textContent = health.liveVersion;
  const assets = await getJson("/api/assets");
  const select = document.getElementById("asset");
  for (const a of assets.assets) {
    const o = document.createElement("option");
    o.value = a.asset;
    o.textContent = a.asset + " (" + a.symbol + " on " + a.chain + ")";
    select.appendChild(o);
  }
  select.value = assets.assets.some(a => a.asset === "eth") ? "eth" : assets.assets[0].asset;
  select.addEventListener("change", () => showAsset(select.value));
  document.getElementById("scenario").value = defaultScenario(health.ecosystem, select.value);
  document.getElementById("run-form").addEventListener("submit", runScenario);
  await showAsset(select.value);
  drawNetwork(await getJson("/api/network"));
  listen();
}

async function showAsset(asset) {
  state.asset = asset;
  const [curve, critical, depth, concentration] = await Promise.all([
    getJson("/api/assets/" + asset + "/curve"), getJson("/api/assets/" + asset + "/critical-shock"),
    getJson("/api/assets/" + asset + "/depth"), getJson("/api/assets/" + asset + "/concentration")]);
  drawCurve(curve.value, curve.liveVersion);
  drawCritical(critical.value);
  drawDepth(depth.value);
  drawConcentration(concentration.value);
}

function drawCurve(curve, version) {
  const points = curve.down;
  const protocols = [...new Set(points.flatMap(p => Object.keys(p.byProtocol)))].sort();
  const labels = points.map(p => pct(p.shock));
  const datasets = [{ label: "all protocols", data: points.map(p => p.collateralUsd), borderColor: "#1d2430",
    borderWidth: 2, pointRadius: 0 }];
  const colors = ["#d1495b", "#00798c", "#edae49", "#66a182", "#8d6a9f", "#2e4057", "#f18f01"];
  protocols.forEach((p, i) => datasets.push({ label: p, data: points.map(x => x.byProtocol[p] || 0),
    borderColor: colors[i % colors.length], borderWidth: 1, pointRadius: 0 }));
  if (state.curveChart) state.curveChart.destroy();
  state.curveChart = new Chart(document.getElementById("curve"), {
    type: "line", data: { labels, datasets },
    options: { animation: false, scales: { y: { title: { display: true, text: "USD liquidatable" } },
      x: { title: { display: true, text: "price move" } } } } });
  const max = points[points.length - 1];
  const status = document.getElementById("curve-status");
  status.textContent = points.length + " points; at " + pct(max.shock) + ": " + max.positions + " positions, "
      + usd(max.collateralUsd) + " USD (live version " + version + ")";
  status.dataset.points = String(points.length);
  status.dataset.maxCollateralUsd = String(max.collateralUsd);
  document.getElementById("price").textContent = "price " + usd(points[0].priceUsd) + " USD";
  drawHeatmap(points);
}

function drawHeatmap(points) {
  const rows = [];
  for (const kind of ["byProtocol", "byChain"]) {
    const keys = [...new Set(points.flatMap(p => Object.keys(p[kind])))].sort();
    keys.forEach(k => rows.push({ label: (kind === "byProtocol" ? "protocol " : "chain ") + k,
      values: points.map(p => p[kind][k] || 0) }));
  }
  const shown = points.map((p, i) => i).filter(i => i % 5 === 0);
  const max = Math.max(1, ...rows.flatMap(r => r.values));
  let html = "<table><tr><th></th>" + shown.map(i => "<th>" + pct(points[i].shock) + "</th>").join("") + "</tr>";
  for (const r of rows) {
    html += "<tr><th>" + r.label + "</th>" + shown.map(i => {
      const v = r.values[i];
      const alpha = Math.sqrt(v / max).toFixed(3);
      return "<td class='cell' title='" + usd(v) + " USD' style='background: rgba(209,73,91," + alpha + ")'></td>";
    }).join("") + "</tr>";
  }
  document.getElementById("heatmap").innerHTML = html + "</table>";
}

function drawCritical(cascade) {
  const k = cascade.criticalShock;
  document.getElementById("critical").innerHTML = k == null
      ? "No fracture on the grid: the cascade comes to rest near every initial shock."
      : "At an initial shock of <b>" + pct(k.shock) + "</b> the resting price jumps from " + pct(k.finalShockAbove)
        + " to <b>" + pct(k.finalShockBelow) + "</b> (" + k.liquidatedBelow.length + " positions fall).";
}

function drawDepth(depth) {
  const labels = depth.bands.map(b => "within " + pct(b.move));
  const datasets = depth.chains.map((c, i) => ({ label: c.chain, data: c.bands.map(b => b.absorbedUsd),
    backgroundColor: ["#00798c", "#edae49", "#d1495b", "#66a182"][i % 4] }));
  if (state.depthChart) state.depthChart.destroy();
  state.depthChart = new Chart(document.getElementById("depth"), { type: "bar", data: { labels, datasets },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true,
      title: { display: true, text: "USD absorbable" } } } } });
}

function drawConcentration(c) {
  document.getElementById("concentration").innerHTML = "HHI over protocols <b>" + c.hhiProtocols.toFixed(3)
      + "</b>, over accounts <b>" + c.hhiAccounts.toFixed(3) + "</b>; top-10 accounts hold <b>"
      + pct(c.top10Share) + "</b> of " + usd(c.totalUsd) + " USD<table><tr><th>protocol</th><th>USD</th><th>share</th></tr>"
      + c.protocols.map(p => "<tr><td>" + p.holder + "</td><td>" + usd(p.usd) + "</td><td>" + pct(p.share) + "</td></tr>")
        .join("") + "</table>";
}

function drawNetwork(net) {
  const nodes = net.value.nodes;
  const svg = document.getElementById("network");
  const cx = 400, cy = 210, r = 170;
  const at = {};
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / nodes.length;
    at[n.id] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  let html = "";
  for (const e of net.value.edges) {
    const [x1, y1] = at[e.from], [x2, y2] = at[e.to];
    html += "<line x1='" + x1 + "' y1='" + y1 + "' x2='" + x2 + "' y2='" + y2 + "' stroke='#9aa3b2' stroke-width='"
        + (0.5 + 3 * e.weight).toFixed(2) + "'><title>" + e.from + " → " + e.to + ": " + e.reason + "</title></line>";
  }
  const colors = { protocol: "#d1495b", asset: "#00798c", oracle: "#edae49", bridge: "#66a182" };
  for (const n of nodes) {
    const [x, y] = at[n.id];
    html += "<circle class='node' cx='" + x + "' cy='" + y + "' r='" + (4 + 30 * Math.sqrt(n.debtRank)).toFixed(1)
        + "' fill='" + (colors[n.kind] || "#555") + "'><title>" + n.id + " DebtRank " + n.debtRank.toFixed(4)
        + "</title></circle><text x='" + (x + 6) + "' y='" + (y - 6) + "' font-size='9'>" + n.id + "</text>";
  }
  svg.innerHTML = html;
}

function listen() {
  const events = new EventSource("/api/stream");
  events.addEventListener("curves", e => {
    const data = JSON.parse(e.data);
    document.getElementById("live-version").textContent = data.liveVersion;
    const mine = data.curves.find(c => c.asset === state.asset);
    if (mine) drawCurve(mine.value, data.liveVersion);
  });
}

function defaultScenario(ecosystem, asset) {
  return "# A scenario in the scenario format (docs/formats.md), YAML or JSON.\n"
      + "name: dashboard-" + asset + "-down-25\n"
      + "ecosystem: " + ecosystem + "\n"
      + "horizonSeconds: 3600\n"
      + "seed: 7\n"
      + "drivers:\n"
      + "  - {type: step, asset: " + asset + ", shock: -0.25, atSeconds: 60}\n";
}

async function runScenario(event) {
  event.preventDefault();
  const status = document.getElementById("run-status");
  const out = document.getElementById("run-report");
  out.innerHTML = "";
  status.textContent = "submitting…";
  const r = await fetch("/api/runs", { method: "POST", headers: { "Content-Type": "application/yaml" },
    body: document.getElementById("scenario").value });
  const accepted = await r.json();
  if (!r.ok) {
    status.innerHTML = "<span class='error'>" + accepted.error.field + ": " + accepted.error.rule + "</span>";
    return;
  }
  let run;
  for (;;) {
    run = await getJson("/api/runs/" + accepted.id);
    status.textContent = "run " + run.id + ": " + run.status;
    if (run.status === "done" || run.status === "failed") break;
    await new Promise(res => setTimeout(res, 300));
  }
  if (run.status === "failed") {
    out.innerHTML = "<span class='error'>" + run.error + "</span>";
    return;
  }
  const result = await getJson("/api/runs/" + accepted.id + "/result");
  const s = result.summary;
  const rows = [["scenario", result.scenario], ["seed", result.seed], ["blocks", result.blocks],
    ["liquidations", s.liquidations], ["debt liquidated (USD)", usd(s.liquidatedUsd)],
    ["bad debt (USD)", usd(s.totalBadDebtUsd)], ["shocked asset", s.shockedAsset],
    ["move of the scenario path", pct(s.initialMove)], ["move with the cascade", pct(s.finalMove)],
    ["cascade multiplier", s.cascadeMultiplier == null ? "–" : s.cascadeMultiplier.toFixed(3)],
    ["trace hash", result.traceHash.substring(0, 16)]];
  out.innerHTML = "<table id='run-summary'>" + rows.map(([k, v]) => "<tr><th>" + k + "</th><td>" + v + "</td></tr>")
      .join("") + "</table>";
}

start().catch(e => { document.getElementById("status").innerHTML = "<span class='error'>" + e.message + "</span>"; });
