// png.js: saves a diagram as a PNG, drawn from its standalone SVG onto a
// canvas at twice its size. Loaded on demand: most readers never press
// the button.

/**
 * downloadPNG fetches the SVG at svgURL and offers it as fileName.
 * @param {string} svgURL
 * @param {string} fileName
 */
export async function downloadPNG(svgURL, fileName) {
  const res = await fetch(svgURL);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${svgURL}`);
  const blobURL = URL.createObjectURL(new Blob([await res.text()], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(blobURL);
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(png);
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } finally {
    URL.revokeObjectURL(blobURL);
  }
}

// loadImage waits for onload rather than img.decode(): Chromium's decode()
// of an SVG image sometimes rejects although the image loads.
function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
    img.src = src;
  });
}
