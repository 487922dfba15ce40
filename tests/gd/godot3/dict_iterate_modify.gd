extends SceneTree

func _init():
	var scores = {"ann": 3, "bob": 5, "cy": 1}
	var total = 0
	for name in scores:
		total += scores[name]
	print(total)
	for name in scores.keys():
		scores[name] *= 10
	print(scores)
	var inverted = {}
	for name in scores:
		inverted[scores[name]] = name
	print(inverted)
	var counts = {}
	for ch in "mississippi":
		counts[ch] = counts.get(ch, 0) + 1
	print(counts)
	var keys = counts.keys()
	keys.sort()
	print(keys)
	print(counts.values().max(), " ", counts["s"])
	quit()
