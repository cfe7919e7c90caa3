/**
 * A chart as a PNG: its SVG is serialised, drawn on a white canvas at twice the size, and saved;
 * a chart drawn on a canvas is copied onto white as it is (it already keeps twice the CSS size).
 * Everything stays in the browser.
 */

export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect()
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  copy.style.fontFamily = getComputedStyle(svg).fontFamily
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', '#ffffff')
  copy.insertBefore(background, copy.firstChild)
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`
  const image = new Image()
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve()
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'))
    image.src = url
  })
  return onWhite(Math.ceil(width * scale), Math.ceil(height * scale), (context) => {
    context.scale(scale, scale)
    context.drawImage(image, 0, 0)
  })
}

/** A canvas chart as a PNG on a white background, at the canvas's own resolution. */
export function canvasToPngBlob(source: HTMLCanvasElement): Promise<Blob> {
  return onWhite(source.width, source.height, (context) => context.drawImage(source, 0, 0))
}

function onWhite(
  width: number,
  height: number,
  draw: (context: CanvasRenderingContext2D) => void,
): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (context === null) throw new Error('this browser cannot draw on a canvas')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  draw(context)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('PNG encoding failed')) : resolve(blob)),
      'image/png',
    ),
  )
}
