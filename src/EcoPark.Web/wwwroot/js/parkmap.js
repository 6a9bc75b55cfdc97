// The interactive park map (Leaflet, served from this origin). The server passes factories and links; this module draws
// them, keeps the factory names from overlapping, and reports link clicks back to .NET when the host page asked for that.
// Without a configured tile URL the map has no background: the factories' positions are the map.

const colours = { water: '#1565c0', heat: '#c62828', byproduct: '#8d6e63' };
const dotRadius = 7;
const handleRadius = 6;
// Below this length on screen a link's click handle moves off the line, so that the end dots and labels cannot cover it.
const shortLinkPx = 48;
const handleOffsetPx = 16;
const labelGapPx = 4;

function navigate(href) {
    if (!href) return;
    if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
        window.Blazor.navigateTo(href);
    } else {
        window.location.href = href;
    }
}

function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

// Places each label beside its dot (right, left, above, below, then the four corners) where it stays inside the map and meets
// no placed label, dot or link handle; a label that fits nowhere is hidden and its name shows on pointing instead. Greedy:
// factories with links first, so that the names that matter most get room.
function placeLabels(state) {
    const { map, labels, handles } = state;
    const size = map.getSize();
    const obstacles = [];
    for (const label of labels) {
        const p = map.latLngToContainerPoint(label.latLng);
        obstacles.push({ left: p.x - dotRadius, right: p.x + dotRadius, top: p.y - dotRadius, bottom: p.y + dotRadius });
    }
    for (const handle of handles) {
        const p = map.latLngToContainerPoint(handle.marker.getLatLng());
        obstacles.push({ left: p.x - handleRadius, right: p.x + handleRadius, top: p.y - handleRadius, bottom: p.y + handleRadius });
    }

    const placed = [];
    for (const label of labels) {
        const el = label.marker.getElement();
        if (!el) continue;
        el.classList.remove('park-map-label-hidden');
        el.style.marginLeft = '0px';
        el.style.marginTop = '0px';
        const w = el.offsetWidth, h = el.offsetHeight;
        const p = map.latLngToContainerPoint(label.latLng);
        const gap = dotRadius + labelGapPx, corner = Math.round(gap * 0.7);
        const spots = [
            [gap, -h / 2], [-gap - w, -h / 2], [-w / 2, -gap - h], [-w / 2, gap],
            [corner, -corner - h], [corner, corner], [-corner - w, -corner - h], [-corner - w, corner],
        ];
        let chosen = null;
        for (const [dx, dy] of spots) {
            const box = { left: p.x + dx, right: p.x + dx + w, top: p.y + dy, bottom: p.y + dy + h };
            const inside = box.left >= 0 && box.top >= 0 && box.right <= size.x && box.bottom <= size.y;
            if (inside && !placed.some(b => overlaps(b, box)) && !obstacles.some(b => overlaps(b, box))) {
                chosen = { dx, dy, box };
                break;
            }
        }
        if (chosen) {
            el.style.marginLeft = `${Math.round(chosen.dx)}px`;
            el.style.marginTop = `${Math.round(chosen.dy)}px`;
            placed.push(chosen.box);
        } else {
            el.classList.add('park-map-label-hidden');
        }
    }
}

// A link's click handle: at the line's midpoint, or off a short line at a right angle.
function placeHandles(state) {
    const { map, handles } = state;
    for (const handle of handles) {
        const a = map.latLngToLayerPoint(handle.from);
        const b = map.latLngToLayerPoint(handle.to);
        const dx = b.x - a.x, dy = b.y - a.y;
        const length = Math.hypot(dx, dy);
        const centre = L.point((a.x + b.x) / 2, (a.y + b.y) / 2);
        // The n-th link of a pair goes 0, +1, -1, +2, … steps off the line; on a short line every handle is off it.
        const n = handle.index;
        const step = n === 0 ? 0 : Math.ceil(n / 2) * (n % 2 === 1 ? 1 : -1);
        const short = length < shortLinkPx;
        const offset = short ? (step >= 0 ? step + 1 : step) * handleOffsetPx : step * handleOffsetPx;
        const nx = length > 0 ? -dy / length : 0, ny = length > 0 ? dx / length : -1;
        const latLng = map.layerPointToLatLng(L.point(centre.x + nx * offset, centre.y + ny * offset));
        handle.marker.setLatLng(latLng);
        handle.leader.setLatLngs([map.layerPointToLatLng(centre), latLng]);
        handle.leader.setStyle({ opacity: offset !== 0 ? 0.8 : 0 });
    }
}

function mark(layer, attributes) {
    const el = layer.getElement();
    if (!el) return;
    for (const [name, value] of Object.entries(attributes)) {
        el.setAttribute(name, value ?? '');
    }
}

// The map drawn in each container, so that drawing again replaces it rather than meeting Leaflet's "already initialized".
const drawnIn = new WeakMap();

export function create(element, options, dotnet) {
    if (!window.L) throw new Error('Leaflet did not load');
    dispose(drawnIn.get(element));
    const map = L.map(element, { zoomSnap: 0.25, attributionControl: !!options.tileAttribution, preferCanvas: false });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.tileAttribution || '', maxZoom: 19 }).addTo(map);
    }
    map.createPane('parkmap-handles').style.zIndex = 450;
    // The view first: Leaflet draws a layer as it is added, which needs a centre and zoom.
    const fit = () => {
        if (options.points.length === 0) {
            map.setView([0, 0], 2);
            return;
        }
        const bounds = L.latLngBounds(options.points.map(p => [p.lat, p.lon]));
        map.fitBounds(bounds.pad(0.05), { padding: [32, 32], maxZoom: 17, animate: false });
    };
    fit();

    const byId = new Map(options.points.map(p => [p.id, p]));
    const state = { map, labels: [], handles: [], dotnet };

    const openLink = link => {
        if (link.callback && dotnet) {
            dotnet.invokeMethodAsync('LinkClicked', link.key);
        } else {
            navigate(link.href);
        }
    };

    const pairs = new Map();
    for (const link of options.links) {
        const from = byId.get(link.fromId), to = byId.get(link.toId);
        if (!from || !to) continue;
        const fromLatLng = L.latLng(from.lat, from.lon), toLatLng = L.latLng(to.lat, to.lon);
        const colour = colours[link.resource] || colours.byproduct;
        const dashed = link.state !== 'operating';
        const attributes = {
            'data-link-key': link.key, 'data-from': link.fromId, 'data-to': link.toId,
            'data-resource': link.resource, 'data-state': link.state,
        };
        const line = L.polyline([fromLatLng, toLatLng], { color: colour, weight: 4, opacity: 0.8, dashArray: dashed ? '8 6' : null, className: 'park-map-link' }).addTo(map);
        // A wider transparent twin makes the line easy to hit.
        const hit = L.polyline([fromLatLng, toLatLng], { color: colour, weight: 16, opacity: 0.001, className: 'park-map-link-hit' }).addTo(map);
        // Links between the same two factories put their handles side by side.
        const pairKey = [link.fromId, link.toId].sort().join('|');
        const count = pairs.get(pairKey) || 0;
        pairs.set(pairKey, count + 1);
        const leader = L.polyline([fromLatLng, toLatLng], { color: colour, weight: 2, opacity: 0, interactive: false, pane: 'parkmap-handles' }).addTo(map);
        const marker = L.circleMarker(fromLatLng, {
            radius: handleRadius, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1, pane: 'parkmap-handles', className: 'park-map-link-handle',
        }).addTo(map);
        for (const layer of [line, hit, marker]) {
            layer.bindTooltip(link.label, { sticky: true, direction: 'top', className: 'park-map-link-tooltip' });
            layer.on('click', () => openLink(link));
        }
        mark(line, attributes);
        mark(marker, attributes);
        state.handles.push({ from: fromLatLng, to: toLatLng, marker, leader, index: count });
    }

    const linked = new Map();
    for (const link of options.links) {
        linked.set(link.fromId, (linked.get(link.fromId) || 0) + 1);
        linked.set(link.toId, (linked.get(link.toId) || 0) + 1);
    }
    const ordered = [...options.points].sort((a, b) => (linked.get(b.id) || 0) - (linked.get(a.id) || 0));
    for (const point of ordered) {
        const latLng = L.latLng(point.lat, point.lon);
        const dot = L.circleMarker(latLng, { radius: dotRadius, color: '#fff', weight: 2, fillColor: '#2e7d5b', fillOpacity: 1, className: 'park-map-dot' }).addTo(map);
        dot.bindTooltip(point.name, { direction: 'top', offset: [0, -dotRadius] });
        if (point.href) dot.on('click', () => navigate(point.href));
        mark(dot, { 'data-factory-id': point.id, 'data-name': point.name });
        const icon = L.divIcon({ className: 'park-map-label', html: '', iconSize: null });
        const marker = L.marker(latLng, { icon, keyboard: false, interactive: !!point.href }).addTo(map);
        const el = marker.getElement();
        el.textContent = point.name;
        el.setAttribute('data-factory-id', point.id);
        if (point.href) marker.on('click', () => navigate(point.href));
        state.labels.push({ latLng, marker });
    }

    const relayout = () => { placeHandles(state); placeLabels(state); };
    // Handles move with the zoom; labels are placed again whenever the view changes (moveend follows every zoom and pan).
    map.on('zoomend', () => placeHandles(state));
    map.on('moveend', () => placeLabels(state));
    map.on('resize', relayout);
    relayout();
    element.setAttribute('data-map-ready', 'true');
    state.element = element;
    drawnIn.set(element, state);
    return state;
}

export function dispose(state) {
    if (state && state.map) {
        state.map.remove();
        state.map = null;
        if (state.element && drawnIn.get(state.element) === state) drawnIn.delete(state.element);
    }
}
