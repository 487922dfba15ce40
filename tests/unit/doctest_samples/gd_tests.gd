# Copied as test_sample.gd by test_pytest_plugin.py (named so the main run never collects it).
extends Node

var counter = 0


func test_passes():
	counter += 1
	assert(counter == 1)
	print("count ", counter)  # Prints "count 1"


func test_assert_fails():
	var answer = 6 * 7
	assert(answer == 41)


func test_claim_fails():
	print("hello")  # Prints "goodbye"


func test_runtime_error():
	var items = []
	print(items[3])


func helper_is_not_a_test():
	assert(false)
