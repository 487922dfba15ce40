extends SceneTree
# Build a 200,000-entry Dictionary, then iterate it: hashing, insertion, lookup.


func _init():
	var d = {}
	for i in range(200000):
		d[i * 7] = i
	var total = 0
	for k in d:
		total += k + d[k]
	var hits = 0
	for i in range(0, 1400000, 5):
		if d.has(i):
			hits += 1
	print("checksum: ", d.size(), " ", total, " ", hits)
	quit()
