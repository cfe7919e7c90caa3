/**
 * A canvas that follows its container's width and is redrawn whenever `draw` changes: the
 * shared plumbing of the canvas charts. The canvas keeps at least twice the CSS resolution, so
 * the PNG export is as sharp as an SVG chart's.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'

/** Draws the picture on a context scaled to CSS pixels, `width` × `height`. */
export type DrawPicture = (ctx: CanvasRenderingContext2D, width: number, font: string) => void

export function useCanvasPicture(height: number, draw: DrawPicture) {
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [width, setWidth] = useState(0)
  // Canvas text is drawn once, in whatever font is ready then; draw again once the web font is.
  const [fontsReady, setFontsReady] = useState(() => document.fonts.status === 'loaded')

  useEffect(() => {
    if (fontsReady) return undefined
    let live = true
    void document.fonts.ready.then(() => {
      if (live) setFontsReady(true)
    })
    return () => {
      live = false
    }
  }, [fontsReady])

  useLayoutEffect(() => {
    const el = wrap.current
    if (el === null) return undefined
    // No width read here: reading it would force a layout of the whole page inside this
    // chart's task. The observer reports the first size too, once layout is done anyway.
    const observer = new ResizeObserver(() => setWidth(el.clientWidth))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (el === null || ctx === null || ctx === undefined || width === 0) return
    const ratio = Math.max(2, window.devicePixelRatio)
    el.width = Math.round(width * ratio)
    el.height = Math.round(height * ratio)
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, width, height)
    draw(ctx, width, getComputedStyle(el).fontFamily)
  }, [draw, width, height, fontsReady])

  return { wrap, canvas, width }
}
